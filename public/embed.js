// Cohesion Explorer host script: resizes embedded views to their content.
//
// Put it after your iframes (the "Embed this view" dialog gives the snippet):
//   <iframe src="https://…/indicators?embed=1" data-cohesion-explorer …></iframe>
//   <script src="https://…/embed.js" defer></script>
//
// The app posts { type: "cohesion-explorer:resize", version: 1, height: <CSS px> } to its
// parent whenever its content's height changes. This script accepts a message only when it
// comes from one of the marked iframes' own window AND from that iframe's origin; anything
// else is ignored. It sets the height through the CSSOM, so it works under a strict
// style-src on the host page.
(function () {
  'use strict';
  var TYPE = 'cohesion-explorer:resize';
  var MAX = 20000;
  function originOf(frame) {
    try { return new URL(frame.src, document.baseURI).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== TYPE || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-cohesion-explorer]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow || event.origin !== originOf(frame)) continue;
      frame.style.height = Math.max(0, Math.min(MAX, Math.ceil(data.height))) + 'px';
      frame.setAttribute('data-cohesion-height', String(Math.ceil(data.height)));
    }
  });
})();
