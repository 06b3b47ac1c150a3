// Preload (CommonJS, sandboxed window). It will expose the contract's methods through contextBridge
// once the desktop shell exists; it never exposes ipcRenderer itself. Until then it exposes nothing,
// and the renderer uses the HTTP API.
export {};
