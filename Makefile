# Explainer: the two commands of the README, and a few helpers.
#   make site   installs what is needed, builds explainer (release) and builds the site into Public/
#   make test   installs what is needed and runs every test (Swift Testing suites, then the browser tests),
#               with a SeaweedFS S3 server on loopback (Scripts/seaweedfs.sh) for the publish tests
#   make lint   checks that Sources/ and Tests/ follow .swift-format (part of make test)
#   make screenshots  refreshes docs/screenshots/ (phone.png, desktop.png) in headless Chromium
SWIFT ?= swift

.PHONY: site test test-with-s3 setup build clean screenshots lint

setup:
	./Scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product explainer

site: build
	$$($(SWIFT) build -c release --show-bin-path)/explainer build

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

# EXPLAINER_REQUIRE_S3=1: the S3 tests fail (rather than skip) if the server is missing.
test: setup lint
	$(SWIFT) build
	EXPLAINER_REQUIRE_S3=1 ./Scripts/seaweedfs.sh $(MAKE) --no-print-directory test-with-s3

# The tests, inside Scripts/seaweedfs.sh (which sets EXPLAINER_S3_ENDPOINT and the test keys).
test-with-s3:
	$(SWIFT) test
	SCREENSHOT_DIR=$$(mktemp -d) EXPLAINER_BIN=$$($(SWIFT) build --show-bin-path)/explainer ./Scripts/browser-tests.sh

screenshots: setup
	SCREENSHOT_DIR=docs/screenshots ./Scripts/browser-tests.sh -k screenshots

clean:
	rm -rf .build
