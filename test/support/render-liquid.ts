/**
 * Renders Liquid templates with the app's engine in a process of its own, so a
 * test can choose the process's time zone (TZ is read when a process starts).
 * Usage: node --import tsx render-liquid.ts '<json array of templates>' ['<json context>']
 */
import { createLiquid } from '../../shared/templates/liquid-engine';

const templates = JSON.parse(process.argv[2] ?? '[]') as string[];
const context = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;
const liquid = createLiquid();
process.stdout.write(JSON.stringify(templates.map((template) => liquid.parseAndRenderSync(template, context) as string)));
