import Testing

@testable import ExplainerS3

/// The small XML reader, on S3's documents and on what is not one.
@Suite struct S3XMLTests {
    func parse(_ text: String) -> S3XML? {
        S3XML.parse(Array(text.utf8))
    }

    @Test func readsAListingWithEntitiesAndNamespaces() throws {
        let xml = try #require(
            parse(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Name>site</Name><Prefix></Prefix><KeyCount>2</KeyCount>
                  <Contents><Key>a&amp;b.html</Key><ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag><Size>1</Size></Contents>
                  <Contents><Key>&#x65E5;&#26412;.css</Key><ETag>"x-2"</ETag><Size>20</Size></Contents>
                  <IsTruncated>false</IsTruncated>
                </ListBucketResult>
                """))
        #expect(xml.name == "ListBucketResult")
        #expect(xml.value("Name") == "site")
        #expect(xml.value("Prefix") == "")
        #expect(xml.children("Contents").map { $0.value("Key") } == ["a&b.html", "日本.css"])
        #expect(xml.children("Contents").first?.value("ETag") == "\"0cc175b9c0f1b6a831c399e269772661\"")
    }

    @Test func selfClosingAttributesCommentsAndCDATA() throws {
        let xml = try #require(parse("<!-- c --><a x='1' y=\"2>\"><b/><c><![CDATA[<&amp;>]]></c><!-- d --><d>t</d></a>\n"))
        #expect(xml.children.map(\.name) == ["b", "c", "d"])
        #expect(xml.value("b") == "")
        #expect(xml.value("c") == "<&amp;>")
        #expect(xml.value("d") == "t")
    }

    @Test func prefixedNamesAreLocal() throws {
        #expect(try #require(parse("<s3:Error><s3:Code>X</s3:Code></s3:Error>")).value("Code") == "X")
    }

    @Test(arguments: [
        "", "not xml", "<!DOCTYPE html><html><body>hi</body></html>", "<a><b></a></b>", "<a>", "<a></a><b></b>", "<a></a>trailing",
        "<a x=1></a>", "<a><!-- never ends</a>", "<a><![CDATA[ never ends</a>",
    ])
    func malformedDocumentsAreNil(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func depthIsBounded() {
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(parse(deep) == nil)
        let shallow = String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10)
        #expect(parse(shallow) != nil)
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(S3XML.parse([0xEF, 0xBB, 0xBF] + Array("<Error/>".utf8))?.name == "Error")
    }
}
