// One cold render, run in a fresh process by bench/run.ts:
//   node --import tsx bench/render-cold.ts <document kind>
// Prints one JSON line: the time to load the document code (pdfmake
// included), to read the fonts, to render the first PDF, and its size.
import { join } from 'node:path';

async function main(): Promise<void> {
  const kind = process.argv[2];
  const started = performance.now();
  const documents = await import('../src/main/core/documents');
  const { benchDefinition } = await import('./documents');
  const imported = performance.now();
  const renderer = documents.createDocumentRenderer({ fontsDir: join(__dirname, '..', 'resources', 'fonts') });
  await renderer.warmUp();
  const fontsLoaded = performance.now();
  const pdf = await renderer.render(benchDefinition(kind as 'intake-form'));
  const rendered = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      kind,
      importMs: imported - started,
      fontLoadMs: fontsLoaded - imported,
      firstRenderMs: rendered - fontsLoaded,
      bytes: pdf.length,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
