// What the page saves as a file (renderer/src/features/bulks/download.ts: an object URL clicked through a link),
// caught in jsdom: the blobs made, and each link clicked (its file name and address). Call it in beforeEach (or the
// test); vi.restoreAllMocks() in afterEach puts the link's click back.
import { vi } from 'vitest';

export interface Downloads {
  blobs: Blob[];
  /** The file names, in the order they were saved. */
  clicked: string[];
  /** Each saving link: its file name and address. */
  links: { download: string; href: string }[];
}

export function captureDownloads(objectUrl = 'blob:download'): Downloads {
  const downloads: Downloads = { blobs: [], clicked: [], links: [] };
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      downloads.blobs.push(blob);
      return objectUrl;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.clicked.push(this.download);
    downloads.links.push({ download: this.download, href: this.href });
  });
  return downloads;
}

/** A blob's text, read the old way (jsdom's Blob has no text()). */
export const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
