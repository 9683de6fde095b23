package pdfpage

// dropOffPage removes the glyphs drawn wholly outside the page: a viewer
// or printer shows none of them, and producers that split a table across
// pages draw a cell's overflow below the bottom edge and again at the top
// of the next page (as pdftotext, which drops them too, shows).
func dropOffPage(p *Page) {
	out := p.Glyphs[:0]
	for _, g := range p.Glyphs {
		if g.X1 < 0 || g.X0 > p.Width || g.Bottom() < 0 || g.Top() > p.Height {
			continue
		}
		out = append(out, g)
	}
	p.Glyphs = out
}
