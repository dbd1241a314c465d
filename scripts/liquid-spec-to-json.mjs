// Converts Shopify's liquid-spec YAML (basics + standard filters) into test/fixtures/liquid-spec/specs.json.
// Usage: node scripts/liquid-spec-to-json.mjs <liquid-spec dir> <fixtures dir>. Needs js-yaml (not a dependency:
// the JSON is committed, so tests need no YAML parser).
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const [source, target] = process.argv.slice(2);
// Core schema: dates stay text, as Ruby prints them. `!binary` values only occur in cases the test skips.
const schema = yaml.CORE_SCHEMA.extend([new yaml.Type('!binary', { kind: 'scalar', construct: (data) => ({ binary: data }) })]);
const files = {
  basics: fs
    .readdirSync(path.join(source, 'basics'))
    .filter((file) => file.endsWith('.yml') && file !== 'suite.yml')
    .map((file) => `basics/${file}`),
  liquid_ruby: ['liquid_ruby/standard_filters.yml'],
};
const keep = ({ name, template, environment, expected, expected_pattern, errors, filesystem, error_mode, render_errors, features }) => ({
  name,
  template,
  environment,
  expected,
  expected_pattern,
  errors,
  filesystem,
  error_mode,
  render_errors,
  features,
});
const suites = {};
for (const [suite, list] of Object.entries(files)) {
  suites[suite] = {};
  for (const file of list) {
    const doc = yaml.load(fs.readFileSync(path.join(source, file), 'utf8'), { schema, json: true });
    const specs = Array.isArray(doc) ? doc : doc.specs;
    const features = Array.isArray(doc) ? [] : (doc._metadata?.features ?? []);
    suites[suite][path.basename(file, '.yml')] = { features, specs: specs.map(keep) };
  }
}
fs.writeFileSync(path.join(target, 'specs.json'), JSON.stringify(suites));
