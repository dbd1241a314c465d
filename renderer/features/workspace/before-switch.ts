/**
 * Work that must finish before the open workspace changes, such as saving an
 * edited template. Saving after the switch would write into the other
 * workspace, where the same template id may belong to a different template.
 */
type Hook = () => Promise<unknown>;
const hooks = new Set<Hook>();

/** Register a hook; returns the function that removes it (an effect's cleanup). */
export function onBeforeWorkspaceSwitch(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export async function runBeforeWorkspaceSwitch(): Promise<void> {
  await Promise.all([...hooks].map((hook) => hook()));
}
