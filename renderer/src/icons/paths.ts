// The app's icons: SVG path data drawn on a 24×24 grid, stroked with the text colour. Bundled with the code,
// so they look the same everywhere (no emoji, no symbol font that a system may lack).
export const ICONS = {
  close: 'M6 6l12 12M18 6L6 18',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  arrowUp: 'M12 19V5M6 11l6-6 6 6',
  arrowDown: 'M12 5v14M6 13l6 6 6-6',
  arrowLeft: 'M19 12H5M11 6l-6 6 6 6',
  arrowRight: 'M5 12h14M13 6l6 6-6 6',
  textSmaller: 'M3 18l5-12 5 12M5 14h6M16 12h6',
  textLarger: 'M3 18l5-12 5 12M5 14h6M16 12h6M19 9v6',
  linesTighter: 'M3 8h11M3 12h11M3 16h11M17 12h5',
  linesLooser: 'M3 6h11M3 12h11M3 18h11M17 12h5M19.5 9.5v5',
  readingMode: 'M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z',
  filter: 'M3 5h18l-7 8v6l-4-2v-4z',
  externalLink: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
} as const;

export type IconName = keyof typeof ICONS;
