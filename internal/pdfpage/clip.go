package pdfpage

// dropOffPage removes the glyphs whose origin lies outside the page (the
// baseline above the top or below the bottom edge, the advance wholly left
// or right of the page), as pdftotext does: a viewer shows at most a sliver
// of them, and producers that split a table across pages draw a cell's
// overflow below the bottom edge and again at the top of the next page.
func dropOffPage(p *Page) {
	out := p.Glyphs[:0]
	for _, g := range p.Glyphs {
		if g.Y < 0 || g.Y > p.Height || g.X1 < 0 || g.X0 > p.Width {
			continue
		}
		out = append(out, g)
	}
	p.Glyphs = out
}
