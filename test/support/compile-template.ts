/**
 * Compiles one template with the app's compiler in a process of its own, so a
 * test can choose the process's working directory (mjml-core reads it on load).
 * Usage: node --import <tsx loader> compile-template.ts '<source>'
 */
import { compileTemplate } from '../../electron/services/template-compiler';

void compileTemplate(process.argv[2] ?? '').then((compiled) => {
  process.stdout.write(JSON.stringify({ html: compiled.html !== null, diagnostics: compiled.diagnostics }));
});
