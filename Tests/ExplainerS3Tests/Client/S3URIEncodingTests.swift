import Testing

@testable import ExplainerS3

/// Keys as they are written into a request and read back from a listing.
@Suite struct S3URIEncodingTests {
    @Test func pathKeepsUnreservedAndSlashes() {
        #expect(S3URIEncoding.path("a-b_c.d~e/F0.html") == "a-b_c.d~e/F0.html")
        #expect(S3URIEncoding.path("a b+c") == "a%20b%2Bc")
        #expect(S3URIEncoding.path("100%/x?y#z") == "100%25/x%3Fy%23z")
        #expect(S3URIEncoding.path("日本/é") == "%E6%97%A5%E6%9C%AC/%C3%A9")
        #expect(S3URIEncoding.path("!$&'()*,;=:@") == "%21%24%26%27%28%29%2A%2C%3B%3D%3A%40")
    }

    @Test func componentEncodesSlash() {
        #expect(S3URIEncoding.component("a/b c") == "a%2Fb%20c")
        #expect(S3URIEncoding.component("~x") == "~x")
    }

    @Test func listedKeysDecode() {
        #expect(S3URIEncoding.decodeListed("a%20b%2Bc/%E6%97%A5.html") == "a b+c/日.html")
        #expect(S3URIEncoding.decodeListed("a+b") == "a b")
        #expect(S3URIEncoding.decodeListed("plain/key.css") == "plain/key.css")
        #expect(S3URIEncoding.decodeListed("bad%2") == nil)
        #expect(S3URIEncoding.decodeListed("bad%zz") == nil)
        #expect(S3URIEncoding.decodeListed("%FF") == nil)
    }

    @Test func encodingRoundTripsThroughTheListingDecoder() {
        for key in ["a b/c+d~e", "x/%41", "ü/日本語.html", "q?=&#"] {
            #expect(S3URIEncoding.decodeListed(S3URIEncoding.path(key)) == key)
        }
    }
}
