// Loaded in the head of embedded pages only, before their first paint: the host site's choice
// of scheme (`theme=dark` or `theme=light` in the embed's address), so an embed never shows the
// other scheme first. The app applies the rest of the theme (accent, font) when it starts;
// src/look.rs keeps `data-theme` from then on.
(() => {
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
})();
