import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const dir = process.argv[2];
const rows = [];
for (const f of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && !f.includes('scenarios'))) {
  const file = path.join(dir, f);
  const src = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const visit = (node, name) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) name = node.name.text;
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'mutation'
    ) {
      const arg = node.arguments[0];
      if (arg) {
        const s = src.getLineAndCharacterOfPosition(arg.getStart()).line;
        const e = src.getLineAndCharacterOfPosition(arg.getEnd()).line;
        rows.push([f.replace('.ts', ''), name, e - s + 1]);
      }
    }
    ts.forEachChild(node, (c) => visit(c, name));
  };
  visit(src, '?');
}
rows.sort((a, b) => b[2] - a[2]);
for (const r of rows) console.log(r.join('\t'));
console.log('total', rows.length);
