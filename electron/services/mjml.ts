// Order matters: the switch must be set before mjml-core is first loaded.
import './mjml-no-config';
import mjml2html from 'mjml';
import { components } from 'mjml-core';

export { components as mjmlComponents, mjml2html };
