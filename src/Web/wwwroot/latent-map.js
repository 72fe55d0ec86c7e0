// Latent map: plays one item's server-rendered audio at a time from a node's play button, and pans and zooms the map
// in the browser.
(() => {
    let current = null;
    window.latentMapPlay = button => {
        if (current) current.pause();
        current = new Audio(button.dataset.src);
        current.play().catch(() => { button.title = "This item could not be played."; });
    };

    // The diagram's two layers (links, nodes) under `host`, which pan and zoom together.
    const layersOf = host => [...host.querySelectorAll('.diagram-canvas > .diagram-svg-layer, .diagram-canvas > .diagram-html-layer')];
    // The view (pan and zoom) a layer's transform shows; null before the canvas is drawn.
    const viewOf = layer => {
        const match = /translate\(\s*(-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)\s*scale\(\s*([\d.e+-]+)\)/.exec(layer.style.transform);
        return match ? { x: +match[1], y: +match[2], zoom: +match[3] } : null;
    };
    const show = (layers, view) => {
        for (const layer of layers) layer.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`;
    };
    // Pixels a press may wander and still be a click.
    const clickSlop = 3;
    // Pointers on these belong to the diagram (choosing and dragging nodes, the navigator), not to panning.
    const interactive = '.diagram-node, .diagram-group, .diagram-link, .latent-map-navigator, button, a, input, select';

    // Pans (drag the background) and zooms (wheel, about the pointer) in the browser: each move changes the layers'
    // transform at once, and the server learns the final view once (component.SetView), instead of rendering the whole
    // canvas again for every pointer move. zoom: { min, max, factor } as the diagram's options.
    window.latentMapView = {
        attach(host, component, zoom) {
            let drag = null, wheelTimer = 0;
            const sync = view => {
                component.invokeMethodAsync('SetView', view.x, view.y, view.zoom).catch(() => { /* the circuit has gone */ });
            };
            // A press on the background is ours alone (the diagram would drop the chosen nodes at once): a drag pans, a
            // click without a move clears the choice.
            const onDown = e => {
                if (e.button !== 0 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
                if (!e.target.closest('.diagram-canvas') || e.target.closest(interactive)) return;
                const layers = layersOf(host), view = layers.length ? viewOf(layers[0]) : null;
                if (!view) return;
                e.stopPropagation();
                drag = { layers, view, startX: e.clientX, startY: e.clientY, moved: null };
                window.addEventListener('pointermove', onMove, true);
                window.addEventListener('pointerup', onUp, true);
                window.addEventListener('pointercancel', onUp, true);
            };
            // While dragging the background, moves go to the layers only: the diagram on the server does not hear them.
            const onMove = e => {
                if (!drag) return;
                e.stopPropagation();
                e.preventDefault();
                const dx = e.clientX - drag.startX, dy = e.clientY - drag.startY;
                if (!drag.moved) {
                    if (Math.hypot(dx, dy) < clickSlop) return; // a hand's tremor during a click is not a pan
                    host.classList.add('latent-map-moving');
                }
                drag.moved = { x: drag.view.x + dx, y: drag.view.y + dy, zoom: drag.view.zoom };
                show(drag.layers, drag.moved);
            };
            const onUp = e => {
                window.removeEventListener('pointermove', onMove, true);
                window.removeEventListener('pointerup', onUp, true);
                window.removeEventListener('pointercancel', onUp, true);
                if (drag) e?.stopPropagation();
                if (drag?.moved) sync(drag.moved);
                else if (drag && e?.type === 'pointerup') component.invokeMethodAsync('ClearChoice').catch(() => { /* the circuit has gone */ });
                drag = null;
                host.classList.remove('latent-map-moving');
            };
            const onWheel = e => {
                const canvas = e.target.closest('.diagram-canvas');
                if (!canvas || e.deltaY === 0 || e.target.closest('.latent-map-navigator')) return;
                e.preventDefault();
                e.stopPropagation();
                const layers = layersOf(host), view = layers.length ? viewOf(layers[0]) : null;
                if (!view) return;
                // As on a street map: the wheel turned toward you (down) zooms out.
                const next = Math.min(zoom.max, Math.max(zoom.min, e.deltaY > 0 ? view.zoom / zoom.factor : view.zoom * zoom.factor));
                if (next === view.zoom) return;
                // The point under the pointer stays where it is.
                const box = canvas.getBoundingClientRect(), px = e.clientX - box.left, py = e.clientY - box.top;
                const zoomed = { x: px - (px - view.x) * next / view.zoom, y: py - (py - view.y) * next / view.zoom, zoom: next };
                host.classList.add('latent-map-moving');
                show(layers, zoomed);
                clearTimeout(wheelTimer);
                wheelTimer = setTimeout(() => {
                    host.classList.remove('latent-map-moving');
                    sync(zoomed);
                }, 150);
            };
            host.addEventListener('pointerdown', onDown, true);
            host.addEventListener('wheel', onWheel, { capture: true, passive: false });
            return {
                detach() {
                    clearTimeout(wheelTimer);
                    onUp();
                    host.removeEventListener('pointerdown', onDown, true);
                    host.removeEventListener('wheel', onWheel, { capture: true });
                },
            };
        },
    };
})();
