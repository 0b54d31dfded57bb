// The guidance pages: Markdown under content/guidance/, compiled by Astro's Markdown pipeline.
// The file name gives the URL slug ("02-tai-lieu-kiem-chung.md" → /huong-dan/tai-lieu-kiem-chung/).
import type { MarkdownInstance } from 'astro';

export interface GuidanceFrontmatter {
  title: string;
  description?: string;
  order?: number;
}

export interface GuidancePage {
  slug: string;
  title: string;
  description: string;
  order: number;
  page: MarkdownInstance<GuidanceFrontmatter>;
}

const modules = import.meta.glob<MarkdownInstance<GuidanceFrontmatter>>('../../content/guidance/*.md', { eager: true });

export function guidancePages(): GuidancePage[] {
  return Object.entries(modules)
    .map(([file, page]) => {
      const name = file.split('/').pop()!.replace(/\.md$/, '');
      return {
        slug: name.replace(/^\d+-/, ''),
        title: page.frontmatter.title ?? name,
        description: page.frontmatter.description ?? '',
        order: page.frontmatter.order ?? 999,
        page,
      };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}
