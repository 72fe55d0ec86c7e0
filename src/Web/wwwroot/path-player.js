// "Play the path": while an <audio data-path-player="ID"> plays, the step whose [data-path-start, data-path-end)
// holds the current time (elements with data-path-of="ID") gets the class "playing", so a playhead moves along the
// cards. Listens on the document (media events do not bubble, so in the capture phase): nothing to wire per render.
(function () {
  function follow(event) {
    const player = event.target;
    if (!(player instanceof HTMLMediaElement) || !player.dataset.pathPlayer) return;
    const playing = !player.paused && !player.ended;
    const now = player.currentTime;
    document.querySelectorAll(`[data-path-of="${player.dataset.pathPlayer}"]`).forEach(step => {
      const start = parseFloat(step.dataset.pathStart), end = parseFloat(step.dataset.pathEnd);
      const on = (playing || now > 0) && !player.ended && now >= start && now < end;
      step.classList.toggle("playing", on);
      if (on && playing && step.scrollIntoView && !step.dataset.seen) {
        step.dataset.seen = "1";
        step.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "smooth" });
      }
      if (!on) delete step.dataset.seen;
    });
  }
  for (const name of ["timeupdate", "play", "pause", "seeked", "ended"]) document.addEventListener(name, follow, true);
})();
