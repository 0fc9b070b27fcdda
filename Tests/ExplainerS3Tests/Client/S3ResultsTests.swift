import Testing

@testable import ExplainerS3

/// S3's successful answers read into values.
@Suite struct S3ResultsTests {
    func xml(_ text: String) throws -> S3XML {
        try #require(S3XML.parse(Array(text.utf8)))
    }

    @Test func urlEncodedListingIsDecoded() throws {
        let page = try #require(
            S3Results.listPage(
                try xml(
                    """
                    <ListBucketResult><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
                    <Contents><Key>news/a+b%2Bc/%E6%97%A5.html</Key><ETag>"abc"</ETag><Size>12</Size></Contents>
                    <NextContinuationToken>1/token==</NextContinuationToken></ListBucketResult>
                    """)))
        #expect(page.objects == [StoredObject(key: "news/a b+c/日.html", etag: "abc", size: 12)])
        #expect(page.isTruncated)
        #expect(page.nextToken == "1/token==")
    }

    @Test func plainListingIsTakenAsWritten() throws {
        let page = try #require(
            S3Results.listPage(
                try xml("<ListBucketResult><Contents><Key>a+b%20.html</Key><ETag>e</ETag><Size>3</Size></Contents></ListBucketResult>")))
        #expect(page.objects.first?.key == "a+b%20.html")
        #expect(!page.isTruncated)
        #expect(page.nextToken == nil)
    }

    @Test func badListingsAreNil() throws {
        #expect(S3Results.listPage(try xml("<html><body/></html>")) == nil)
        #expect(S3Results.listPage(try xml("<ListBucketResult><Contents><Size>3</Size></Contents></ListBucketResult>")) == nil)
        #expect(S3Results.listPage(try xml("<ListBucketResult><Contents><Key>a</Key><Size>x</Size></Contents></ListBucketResult>")) == nil)
        #expect(
            S3Results.listPage(
                try xml("<ListBucketResult><EncodingType>url</EncodingType><Contents><Key>%G0</Key></Contents></ListBucketResult>")) == nil)
    }

    @Test func deleteErrorsAndCopyETag() throws {
        let errors = S3Results.deleteErrors(
            try xml(
                "<DeleteResult><Error><Key>a.html</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>"))
        #expect(errors == [S3Results.KeyError(key: "a.html", code: "AccessDenied", message: "Access Denied")])
        #expect(S3Results.deleteErrors(try xml("<DeleteResult/>")) == [])
        #expect(S3Results.deleteErrors(try xml("<Error/>")) == nil)
        #expect(
            S3Results.copyETag(try xml("<CopyObjectResult><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag></CopyObjectResult>"))
                == "9b2cf535f27731c974343645a3985328")
        #expect(S3Results.copyETag(try xml("<CopyObjectResult/>")) == nil)
    }

    @Test func etagsAreUnquoted() {
        #expect(S3Answer.unquoted("\"abc\"") == "abc")
        #expect(S3Answer.unquoted("W/\"abc\"") == "abc")
        #expect(S3Answer.unquoted(" abc-2 ") == "abc-2")
        #expect(S3Answer(status: 200, headers: ["ETag": "\"x\""]).etag == "x")
    }
}
