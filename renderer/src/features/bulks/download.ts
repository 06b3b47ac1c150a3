// Saves text the agent answered (a CSV report) as a file, the way a browser saves a link with `download`: the
// desktop app's window and the web page alike, with no server round trip of its own.
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The report's file name: bulk-<id>.csv, with only characters every file system takes. */
export function reportFileName(bulkId: string): string {
  return `bulk-${bulkId.replace(/[^\w.-]/g, '_')}.csv`;
}
