// Who may call the bridge: the top frame of one of our own windows, showing our own app:// page. A frame from
// anywhere else (a navigated-away page, a subframe, another web contents) is refused before its arguments are read.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from '../app-protocol.js';

export type IpcEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>;

export function createSenderCheck(isOurContents: (contents: WebContents) => boolean) {
  return function isTrustedSender(event: IpcEvent): boolean {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!isOurContents(event.sender)) return false;
    return isAppUrl(frame.url);
  };
}
