package pdfpage

// dropOffPage removes the glyphs whose baseline lies above the top or below
// the bottom edge of the page, as pdftotext does: producers that split a
// table row across pages draw the cell's overflow below the bottom edge and
// again on the next page, where it is seen; read twice, it would be joined
// twice. Glyphs left or right of the page stay: there producers put text
// that is nowhere else (a 单位：万元 past the right margin).
func dropOffPage(p *Page) {
	out := p.Glyphs[:0]
	for _, g := range p.Glyphs {
		if g.Y < 0 || g.Y > p.Height {
			continue
		}
		out = append(out, g)
	}
	p.Glyphs = out
}
