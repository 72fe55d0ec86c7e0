// Latent map: plays one item's server-rendered audio at a time from a node's play button.
(() => {
    let current = null;
    window.latentMapPlay = button => {
        if (current) current.pause();
        current = new Audio(button.dataset.src);
        current.play().catch(() => { button.title = "This item could not be played."; });
    };
})();
