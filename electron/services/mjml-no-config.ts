/**
 * When mjml-core is first loaded it reads `.mjmlconfig` from the current
 * directory and `require`s every package listed there, so starting Tailor in
 * a folder someone shared (`tailor render` in an unzipped download, say) would
 * run that folder's code. MJML_BROWSER is mjml-core's own switch for never
 * requiring those packages; it changes nothing else. This module must be
 * imported before anything that loads `mjml`.
 */
process.env.MJML_BROWSER = 'true';

export {};
