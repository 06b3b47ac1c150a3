// The one stand-in for the `electron` module (no Electron binary exists on these machines): test/setup.ts mocks
// 'electron' with `electronModule` below, in every test file. The fakes record what the shell asks of Electron
// (window options, handlers, menus, notifications) and let a test play Electron's part (emit navigation, invoke
// an IPC channel from a given frame, click a menu item). `resetElectronFake()` gives each test a clean slate.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron event: preventDefault() is what the guards under test call. */
export class FakeEvent<T extends object = object> {
  defaultPrevented = false;
  constructor(fields?: T) {
    Object.assign(this, fields);
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
  get top(): FakeWebFrame {
    return this.parent ? this.parent.top : this;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame = new FakeWebFrame('');
  destroyed = false;
  sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
    // The page the fake ipcRenderer speaks for receives what main sends it.
    if (ipcRenderer.rendererSender?.sender === this) ipcRenderer.emit(channel, {}, ...args);
  }
  getURL() {
    return this.mainFrame.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Plays a page load: the main frame shows `url`, then did-finish-load. */
  finishLoad(url: string) {
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  }
  /** Plays a navigation event ('will-navigate', 'will-redirect', 'will-frame-navigate'); returns the event. */
  attempt(name: string, url: string) {
    const event = new FakeEvent({ url });
    this.emit(name, event);
    return event;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  loaded: string[] = [];

  constructor(
    public readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> },
  ) {
    super();
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  static fromWebContents(contents: FakeWebContents) {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused = true;
  }
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** What the user's close button does: 'close' (preventable), then 'closed' unless prevented. */
  close() {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
    return event;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** Where an IPC call comes from: our window's top frame on our page, unless a test says otherwise. */
export interface SenderSpec {
  sender: FakeWebContents;
  frame?: FakeWebFrame | null;
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
  listeners: new Map<string, Handler[]>(),
  on: vi.fn((channel: string, listener: Handler) => {
    ipcMain.listeners.set(channel, [...(ipcMain.listeners.get(channel) ?? []), listener]);
  }),
  removeAllListeners: vi.fn((channel: string) => {
    ipcMain.listeners.delete(channel);
  }),
  /** Plays ipcRenderer.invoke from `spec` (structured-clone semantics approximated by JSON for plain data). */
  async invokeFrom(spec: SenderSpec, channel: string, ...args: unknown[]) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const senderFrame = spec.frame === undefined ? spec.sender.mainFrame : spec.frame;
    return handler({ sender: spec.sender, senderFrame }, ...args);
  },
};

/** The renderer side: the preload's ipcRenderer, wired to ipcMain's handlers as `rendererSender` (a test sets it). */
export const ipcRenderer = Object.assign(new EventEmitter(), {
  rendererSender: null as SenderSpec | null,
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
    if (!ipcRenderer.rendererSender) throw new Error('ipcRenderer.rendererSender is not set in this test');
    return ipcMain.invokeFrom(ipcRenderer.rendererSender, channel, ...args);
  }),
  send: vi.fn(),
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

const appState = {
  lock: true,
  userData: '/tmp/depot-remote-fake-userdata',
  ready: Promise.resolve(),
};

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  quitRequested: 0,
  exitCode: null as number | null,
  getPath: vi.fn((_name: string) => appState.userData),
  getVersion: vi.fn(() => '0.1.0-test'),
  /** The OS's languages, most preferred first (the desktop's notifications speak the first supported one). */
  getPreferredSystemLanguages: vi.fn((): string[] => ['en-US']),
  setAppUserModelId: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => appState.lock),
  whenReady: vi.fn(() => appState.ready),
  /** Like Electron: 'before-quit' (preventable), then the app would end. */
  quit: vi.fn(() => {
    const event = new FakeEvent();
    app.emit('before-quit', event);
    if (!event.defaultPrevented) app.quitRequested += 1;
  }),
  exit: vi.fn((code = 0) => {
    app.exitCode = code;
  }),
});

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    protocol.handlers.set(scheme, handler);
  }),
};

type Callback = (...args: unknown[]) => unknown;

export class FakeSession extends EventEmitter {
  headersHook: Callback | null = null;
  beforeRequest: { filter: { urls: string[] }; hook: Callback } | null = null;
  permissionRequest: Callback | null = null;
  permissionCheck: Callback | null = null;
  webRequest = {
    onHeadersReceived: vi.fn((hook: Callback) => {
      this.headersHook = hook;
    }),
    onBeforeRequest: vi.fn((filter: { urls: string[] }, hook: Callback) => {
      this.beforeRequest = { filter, hook };
    }),
  };
  setPermissionRequestHandler = vi.fn((hook: Callback) => {
    this.permissionRequest = hook;
  });
  setPermissionCheckHandler = vi.fn((hook: Callback) => {
    this.permissionCheck = hook;
  });
}

export const session = { defaultSession: new FakeSession() };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = { showErrorBox: vi.fn() };

export class FakeNotification extends EventEmitter {
  static supported = true;
  static shown: FakeNotification[] = [];
  static created: FakeNotification[] = [];
  static isSupported = vi.fn(() => FakeNotification.supported);
  constructor(public readonly options: { title: string; body: string; urgency?: string; silent?: boolean }) {
    super();
    FakeNotification.created.push(this);
  }
  show() {
    FakeNotification.shown.push(this);
  }
  close() {
    this.emit('close', new FakeEvent());
  }
  /** What a click on the notification does. */
  click() {
    this.emit('click', new FakeEvent());
  }
}

export interface FakeMenuItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  menu: { items: FakeMenuItem[] } | null = null;
  images: string[] = [];
  destroyed = false;
  constructor(image: { path: string }) {
    super();
    this.images.push(image.path);
    FakeTray.instances.push(this);
  }
  setImage(image: { path: string }) {
    this.images.push(image.path);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { items: FakeMenuItem[] }) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
  /** The menu item with this id (throws when absent, so a test reads plainly). */
  item(id: string): FakeMenuItem {
    const found = this.menu?.items.find((i) => i.id === id);
    if (!found)
      throw new Error(`no tray menu item "${id}"; have ${this.menu?.items.map((i) => i.id).join(', ')}`);
    return found;
  }
}

export const Menu = {
  buildFromTemplate: vi.fn((template: FakeMenuItem[]) => ({ items: template })),
};

export const nativeImage = {
  createFromPath: vi.fn((path: string) => ({ path, isEmpty: () => false })),
};

/** safeStorage with a real (per-run) AES key, so sealed text is not the plain text and round trips work. */
const storageKey = randomBytes(32);
export const safeStorageState = {
  backend: 'gnome_libsecret' as string,
  asyncAvailable: true,
  encryptCalls: 0,
};
export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => safeStorageState.asyncAvailable),
  getSelectedStorageBackend: vi.fn(() => safeStorageState.backend),
  encryptStringAsync: vi.fn(async (plain: string) => {
    safeStorageState.encryptCalls += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', storageKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }),
  decryptStringAsync: vi.fn(async (sealed: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', storageKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const result = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    return { result, shouldReEncrypt: false };
  }),
};

/** What `import … from 'electron'` gives every test (see test/setup.ts). */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  Notification: FakeNotification,
  protocol,
  safeStorage,
  session,
  shell,
  Tray: FakeTray,
};

/** A clean slate: no windows, handlers, trays or notifications; lock granted; safeStorage on a keyring. */
export function resetElectronFake() {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.shown = [];
  FakeNotification.created = [];
  FakeNotification.supported = true;
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.rendererSender = null;
  contextBridge.exposed.clear();
  protocol.privileged = [];
  protocol.handlers.clear();
  app.removeAllListeners();
  app.isPackaged = false;
  app.quitRequested = 0;
  app.exitCode = null;
  appState.lock = true;
  appState.ready = Promise.resolve();
  session.defaultSession = new FakeSession();
  safeStorageState.backend = 'gnome_libsecret';
  safeStorageState.asyncAvailable = true;
  safeStorageState.encryptCalls = 0;
  vi.clearAllMocks();
}

/** Test controls for the app object. */
export const appControl = {
  denyLock() {
    appState.lock = false;
  },
  set userData(path: string) {
    appState.userData = path;
  },
};
