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
