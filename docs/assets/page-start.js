// window.lstmOnEveryPage(start): the one start-up of the site's scripts. Material announces the
// page on document$ once its own components are up; without it (a page opened from a file),
// `start` runs once the page is parsed. Loaded first.
window.lstmOnEveryPage = (start) => {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
};
