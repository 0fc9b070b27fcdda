import Testing

@testable import ExplainerS3

@Test func placeholderDigestHasBytes() {
    #expect(!S3ClientPlaceholder.digest([1, 2, 3]).isEmpty)
}
