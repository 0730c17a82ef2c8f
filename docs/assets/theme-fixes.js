// Material 9.8 gives every code block a <nav class="md-code__nav"> for its buttons: several
// navigation landmarks with one name (axe: landmark-unique). Each gets a name of its own.
(() => {
  const name = () => {
    document.querySelectorAll(".md-code__nav").forEach((nav, index) => {
      const label = `Code block ${index + 1} actions`;
      if (nav.getAttribute("aria-label") !== label) nav.setAttribute("aria-label", label);
    });
  };
  new MutationObserver(name).observe(document.documentElement, { childList: true, subtree: true });
  name();
})();

// With content.lazy (mkdocs.yml) Material mounts a code block, and makes it focusable when it
// overflows, only once it is seen. Until then every block is focusable, so a keyboard can
// scroll any of them (axe: scrollable-region-focusable); Material corrects it on mounting.
(() => {
  const focusable = () => {
    document.querySelectorAll(".md-typeset pre > code:not([tabindex])").forEach((code) => {
      if (!code.closest("pre").querySelector(".md-code__nav")) code.setAttribute("tabindex", "0");
    });
  };
  window.lstmOnEveryPage(focusable);
})();
