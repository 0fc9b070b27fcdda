# Explainer: the two commands of the README, and a few helpers.
#   make site   installs what is needed, builds explainer (release) and builds the site into Public/
#   make test   installs what is needed and runs every test (Swift Testing suites, then the browser tests)
#   make lint   checks that Sources/ and Tests/ follow .swift-format (part of make test)
#   make screenshots  refreshes docs/screenshots/ (phone.png, desktop.png) in headless Chromium
SWIFT ?= swift

.PHONY: site test setup build clean screenshots lint

setup:
	./Scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product explainer

site: build
	$$($(SWIFT) build -c release --show-bin-path)/explainer build

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

test: setup lint
	$(SWIFT) build
	$(SWIFT) test
	SCREENSHOT_DIR=$$(mktemp -d) EXPLAINER_BIN=$$($(SWIFT) build --show-bin-path)/explainer ./Scripts/browser-tests.sh

screenshots: setup
	SCREENSHOT_DIR=docs/screenshots ./Scripts/browser-tests.sh -k screenshots

clean:
	rm -rf .build
