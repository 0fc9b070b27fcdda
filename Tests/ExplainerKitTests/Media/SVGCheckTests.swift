import Testing

@testable import ExplainerKit

@Suite struct SVGCheckTests {
    private func check(_ svg: String) -> Result<ImageHeader, ImageProblem> {
        ImageCodec.probe(Array(svg.utf8), claimed: .svg)
    }

    private func refusal(_ svg: String) -> String? {
        guard case .failure(let problem) = check(svg) else {
            Issue.record("accepted: \(svg)")
            return nil
        }
        return problem.message
    }

    @Test func aSafeSVGGivesItsSize() throws {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a map -->
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="640px" height="480">
              <defs><linearGradient id="g"><stop offset="0"/></linearGradient><style><![CDATA[ .a { fill: url(#g) } ]]></style></defs>
              <rect class="a" width="10" height="10" style="fill: url('#g')"/><use xlink:href="#g"/><a href="#top">top</a>
              <text>on="no" is text, not an attribute</text>
            </svg>
            """
        #expect(try check(svg).get() == ImageHeader(format: .svg, width: 640, height: 480, orientation: 1))
    }

    @Test func sizeFromTheViewBox() throws {
        #expect(try check(#"<svg viewBox="0 0 300 150"></svg>"#).get().width == 300)
        #expect(try check(#"<svg width="100%" viewBox="0,0,300,150"></svg>"#).get().height == 150)
        #expect(try check(#"<svg width="600" viewBox="0 0 300 150"></svg>"#).get().height == 300)
        #expect(refusal(#"<svg width="10em"></svg>"#)?.contains("declares no usable size") == true)
    }

    @Test(arguments: [
        (#"<svg width="1" height="1"><script>alert(1)</script></svg>"#, "<script>"),
        (#"<svg width="1" height="1"><svg:script/></svg>"#, "<script>"),
        (#"<svg width="1" height="1" onload="alert(1)"></svg>"#, "event handler"),
        (#"<svg width="1" height="1"><rect ONCLICK = 'x()'/></svg>"#, "event handler"),
        (#"<svg width="1" height="1"><foreignObject><div/></foreignObject></svg>"#, "<foreignObject>"),
        (#"<!DOCTYPE svg [<!ENTITY x "y">]><svg width="1" height="1"/>"#, "DOCTYPE"),
        (#"<svg width="1" height="1"><image href="https://example.com/a.png"/></svg>"#, "another file or address"),
        (#"<svg width="1" height="1"><image xlink:href="photo.jpg"/></svg>"#, "another file or address"),
        (#"<svg width="1" height="1"><image href="data:image/png;base64,AAAA"/></svg>"#, "another file or address"),
        (#"<svg width="1" height="1"><rect fill="url(http://x/y#z)"/></svg>"#, "url("),
        (#"<svg width="1" height="1"><rect fill="u&#114;l(http://x/)"/></svg>"#, "url("),
        (#"<svg width="1" height="1"><style>@import "x.css";</style></svg>"#, "@import"),
        (#"<svg width="1" height="1"><style>rect { fill: url(x.svg#a) }</style></svg>"#, "url("),
        (#"<svg width="1" height="1"><set attributeName="href" to="https://x"/></svg>"#, "animates a link"),
        (#"<?xml-stylesheet href="x.css"?><svg width="1" height="1"/>"#, "processing instruction"),
        (#"<html><svg width="1" height="1"/></html>"#, "does not start with an <svg>"),
        (#"<svg width="1" height="1"><rect width=1/></svg>"#, "unquoted attribute"),
    ])
    func refusesWhatCouldRunOrFetch(_ svg: String, _ reason: String) {
        let message = refusal(svg)
        #expect(message?.hasPrefix("the SVG ") == true)
        #expect(message?.contains(reason) == true, "\(message ?? "")")
    }

    @Test func anSVGNamedAsAnotherFormatIsALie() {
        let svg = Array(#"<svg width="1" height="1"/>"#.utf8)
        guard case .failure(let problem) = ImageCodec.probe(svg, claimed: .png) else {
            Issue.record("accepted an SVG named .png")
            return
        }
        #expect(problem.message == "its extension says PNG but the bytes are an SVG image — rename it to .svg")
    }
}
