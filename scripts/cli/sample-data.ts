// `parindex sample-data [--appraisals-only]`: regenerates the sample self-assessments, their
// evidence PDFs, the council's appraisals and the survey, deterministically.
import type { CliContext } from './context.js';
import { parseCliArgs, withUsage } from './context.js';

const USAGE = 'Cách dùng: npm run sample-data -- [--appraisals-only]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  return withUsage(ctx, USAGE, async () => {
    const { values } = parseCliArgs(args, { 'appraisals-only': { type: 'boolean' } });
    if (!values['appraisals-only']) {
      const { generateSampleData } = await import('../sample/index.js');
      const r = await generateSampleData(ctx.root, (l) => ctx.out(l + '\n'));
      ctx.out(`${r.files.length} tệp tự chấm điểm, ${r.pdfs} tệp PDF (${r.unsigned} chưa ký số).\n`);
    }
    const { generateAppraisals } = await import('../sample/generate-appraisals.js');
    const written = await generateAppraisals(ctx.root, (l) => ctx.out(l + '\n'));
    ctx.out(`${written.length} tệp thẩm định và điều tra xã hội học.\n`);
    return 0;
  });
}
