// embed-parent.js: the parent side of the iframe embed. Sizes each iframe showing dist/embed.html to the height it posts.
addEventListener('message', (e) => {
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
  if (frame && e.data?.type === 'dealdiff:height' && Number.isFinite(e.data.height)) frame.style.height = `${Math.max(0, e.data.height)}px`;
});
