// <molecule-depiction smiles="..." width="220" height="165">: a 2D drawing of the molecule by RDKit MinimalLib
// (WebAssembly, loaded once per page from this module's own static files). Importing this module defines the element;
// elements already on the page are drawn then. Drawings are made a few at a time between frames (a page with hundreds
// of molecules stays responsive while they come in) and kept by SMILES and size, so a molecule shown again is not
// drawn twice. The element says how it went in data-depicted: pending, yes, or no (RDKit cannot read the SMILES).
let rdkit;

function load() {
    if (!rdkit) {
        const base = new URL('./lib/rdkit/', import.meta.url).href;
        rdkit = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = base + 'RDKit_minimal.js';
            script.onload = () => window.initRDKitModule({ locateFile: file => base + file }).then(resolve, reject);
            script.onerror = () => reject(new Error('RDKit MinimalLib could not be loaded'));
            document.head.appendChild(script);
        });
    }
    return rdkit;
}

const drawings = new Map();          // "width height smiles" -> SVG text, or '' when RDKit cannot read the SMILES
const mostDrawings = 4000;
const waiting = new Set();           // elements to draw, in the order they asked
const drawn = [];                    // [element, key] drawn and not yet shown
let scheduled = false, lastShown = 0;

function draw(RDKit, smiles, width, height) {
    const mol = RDKit.get_mol(smiles);
    try {
        return mol && mol.is_valid() ? mol.get_svg(width, height) : '';
    } finally {
        if (mol) mol.delete();
    }
}

function keep(key, svg) {
    if (drawings.size >= mostDrawings) drawings.delete(drawings.keys().next().value);
    drawings.set(key, svg);
}

// Draws waiting elements for about 40 ms, then yields to the page (its input, a frame) before the next slice. The
// drawings go onto the page together, every second or when none wait: putting drawings on the page costs a style,
// layout and paint pass over everything around them (on a map of hundreds of molecules, a few hundred milliseconds),
// so a few large passes cost much less than many small ones.
async function drain() {
    let RDKit;
    try {
        RDKit = await load();
    } catch {
        for (const element of waiting) element.dataset.depicted = 'no';
        waiting.clear();
        scheduled = false;
        return;
    }
    const until = performance.now() + 40;
    for (const element of waiting) {
        if (performance.now() > until) break;
        waiting.delete(element);
        if (!element.isConnected) continue;
        const key = element.key();
        if (!drawings.has(key)) keep(key, draw(RDKit, element.smiles, element.size.width, element.size.height));
        drawn.push([element, key]);
    }
    if (!waiting.size || performance.now() - lastShown > 1000) {
        // An element whose SMILES changed since it was drawn waits again for its new drawing.
        for (const [element, key] of drawn) if (element.isConnected && element.key() === key) element.show(key);
        drawn.length = 0;
        lastShown = performance.now();
    }
    scheduled = false;
    if (waiting.size) schedule();
}

function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => drain(), 0);
}

class MoleculeDepiction extends HTMLElement {
    static observedAttributes = ['smiles', 'width', 'height'];

    get smiles() { return this.getAttribute('smiles') ?? ''; }

    get size() {
        const width = +this.getAttribute('width') || 220;
        return { width, height: +this.getAttribute('height') || Math.round(width * 3 / 4) };
    }

    key() { return `${this.size.width} ${this.size.height} ${this.smiles}`; }

    connectedCallback() { this.request(); }

    attributeChangedCallback() { if (this.isConnected) this.request(); }

    request() {
        const key = this.key();
        if (key === this.shown) return;
        if (drawings.has(key)) { this.show(key); return; }
        this.dataset.depicted = 'pending';
        waiting.add(this);
        schedule();
    }

    show(key) {
        const svg = drawings.get(key);
        this.shown = key;
        if (svg) this.innerHTML = svg; else this.textContent = '';
        this.dataset.depicted = svg ? 'yes' : 'no';
    }
}

if (!customElements.get('molecule-depiction')) customElements.define('molecule-depiction', MoleculeDepiction);

