// The main job on the bundled example, as an importing app would run it:
// validate the bureau's graph, print each organization's responsibility chain and the coverage report.
// Usage: npm start            (Chinese)
//        npm start -- --lang en
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coverage, formatChainText, formatCoverageText, parseGraph, ValidationError, type CoverageOptions, type Lang } from '../../src/index.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const lang: Lang = process.argv.includes('en') ? 'en' : 'zh';

try {
  const graph = parseGraph(JSON.parse(readFileSync(here('./graph.json'), 'utf8')), { lang });
  const options = JSON.parse(readFileSync(here('./coverage.json'), 'utf8')) as CoverageOptions;
  console.log(lang === 'zh' ? `# ${graph.title ?? graph.id}\n\n## 责任链` : `# ${graph.title ?? graph.id}\n\n## Responsibility chains`);
  for (const id of graph.index.preorder) console.log(`${formatChainText(graph, id, lang)}\n`);
  console.log(lang === 'zh' ? '## 横向到边、纵向到底' : '## Coverage');
  console.log(formatCoverageText(coverage(graph, { ...options, lang }), lang));
} catch (error) {
  if (error instanceof ValidationError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
