// IPC channel names shared by the preload and the main process; nothing else crosses the bridge.
export const CHANNELS = {
  archiveCall: 'archive:call',
  pickFolder: 'shell:pickFolder',
  recentArchives: 'shell:recentArchives',
  openExternal: 'shell:openExternal',
  setLanguage: 'shell:setLanguage',
  saveExport: 'shell:saveExport',
} as const;
