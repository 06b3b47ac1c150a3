// Preload (CommonJS, sandboxed window, isolated world). It exposes window.depotRemote — the client contract's
// methods and its change subscription — through contextBridge, and never ipcRenderer itself. It can require only
// 'electron': everything else it uses is bundled in (the contract's channel names; never zod).
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge/create-bridge.js';
import { followNavigation, forwardPageErrors } from './bridge/page-hooks.js';

const bridge = createBridge(ipcRenderer);
contextBridge.exposeInMainWorld('depotRemote', bridge);
followNavigation(ipcRenderer, window.location);
forwardPageErrors(window, (level, message) => bridge.log(level, message));
