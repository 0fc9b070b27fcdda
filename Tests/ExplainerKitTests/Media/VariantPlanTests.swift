import Testing

@testable import ExplainerKit

/// Which copies of an image are published, and their names (`VariantPlan`).
@Suite struct VariantPlanTests {
    @Test func photosGetEveryConfiguredWidthNarrowerThanThemselves() {
        #expect(VariantPlan.widths(sourceWidth: 2000, configured: [480, 960, 1600]) == [480, 960, 1600])
        // 1600 is more than 90% of 1700: the widest copy is the largest configured width.
        #expect(VariantPlan.widths(sourceWidth: 1700, configured: [480, 960, 1600]) == [480, 960, 1600])
        // Never upscaled: the widest copy of a small image is its own width.
        #expect(VariantPlan.widths(sourceWidth: 1000, configured: [480, 960, 1600]) == [480, 1000])
        #expect(VariantPlan.widths(sourceWidth: 300, configured: [480, 960, 1600]) == [300])
        // Order and repeats in site.yml do not matter.
        #expect(VariantPlan.widths(sourceWidth: 2000, configured: [1600, 480, 960, 480]) == [480, 960, 1600])
        #expect(VariantPlan.widths(sourceWidth: 2000, configured: []) == [])
    }

    @Test func variantsAreWebPThenTheFallbackFormatWithHashedNames() {
        let variants = VariantPlan.variants(
            pathInBundle: "images/map.png", format: .png, width: 2000, height: 1000, hash: "0123456789abcdef", widths: [480, 960])
        #expect(
            variants.map(\.path) == [
                "images/map-480-01234567.webp", "images/map-960-01234567.webp",
                "images/map-480-01234567.png", "images/map-960-01234567.png",
            ])
        #expect(variants.map(\.height) == [240, 480, 240, 480])
        // A WebP source needs no second format; AVIF falls back to JPEG; SVG has no copies.
        #expect(
            VariantPlan.variants(pathInBundle: "a.webp", format: .webp, width: 1000, height: 500, hash: "ab", widths: [480, 960]).map(
                \.format)
                == [.webp, .webp])
        #expect(
            Set(
                VariantPlan.variants(pathInBundle: "a.avif", format: .avif, width: 1000, height: 500, hash: "ab", widths: [480]).map(
                    \.format))
                == [.webp, .jpeg])
        #expect(VariantPlan.variants(pathInBundle: "a.svg", format: .svg, width: 100, height: 50, hash: "ab", widths: [480]).isEmpty)
    }

    @Test func cropsHaveExactRatiosAndAreAtMost1200Wide() {
        let crops = VariantPlan.crops(pathInBundle: "lead.jpg", format: .jpeg, width: 2000, height: 1300, hash: "feedface00")
        #expect(crops.map { "\($0.width)x\($0.height)" } == ["1200x675", "1200x900", "1200x1200"])
        #expect(crops.map(\.path) == ["lead-16x9-1200-feedface.jpg", "lead-4x3-1200-feedface.jpg", "lead-1x1-1200-feedface.jpg"])
        // A small source gives the largest crop it holds.
        let small = VariantPlan.crops(pathInBundle: "s.png", format: .png, width: 800, height: 400, hash: "00")
        #expect(small.map { "\($0.width)x\($0.height)" } == ["711x400", "533x400", "400x400"])
    }

    @Test func theFolderOfTheSourceIsKept() {
        #expect(VariantPlan.name("a/b/c.d.jpeg", suffix: "480", hash: "1234567890", format: .jpeg) == "a/b/c.d-480-12345678.jpg")
        #expect(VariantPlan.name("noext", suffix: "480", hash: "12345678", format: .webp) == "noext-480-12345678.webp")
    }
}
