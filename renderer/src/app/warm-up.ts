// What the app's first moments would otherwise pay inside its start and first render, done by the page's entry
// while the app's chunk is still on its way (the main thread idles ~30 ms then, traced): the browser's first touch
// of localStorage loads the page's whole storage (~14 ms in the session store's start, traced), and the first
// ICU message format resolves its locale through Intl (~11 ms inside the first render's first t()).
export function warmUpWhileLoading(): void {
  setTimeout(() => {
    try {
      void window.localStorage.length;
    } catch {
      // Storage may be refused (a locked-down profile): the stores handle that themselves.
    }
    const language = document.documentElement.lang || 'en';
    try {
      Intl.NumberFormat.supportedLocalesOf([language]);
      new Intl.PluralRules(language);
      new Intl.DateTimeFormat(language);
    } catch {
      // An odd language tag: the i18n setup says so in its own time.
    }
  }, 0);
}
