// Svelte compiler options for the renderer: runes mode everywhere (no legacy `export let`/stores syntax).
export default {
  compilerOptions: { runes: true },
};
