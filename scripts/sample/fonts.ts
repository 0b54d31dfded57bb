// Noto Serif (from an npm font package) embedded as a subset, so sample and test PDFs show
// Vietnamese with its diacritics and carry a text layer (ToUnicode) the header reader can read:
// the 14 standard PDF fonts have no Vietnamese glyphs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);
let files: { regular: Buffer; bold: Buffer } | undefined;

function fontFiles() {
  files ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf')),
  };
  return files;
}

export async function vietnameseFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  pdf.registerFontkit(fontkit);
  const f = fontFiles();
  const [regular, bold] = await Promise.all([pdf.embedFont(f.regular, { subset: true }), pdf.embedFont(f.bold, { subset: true })]);
  return { regular, bold };
}
