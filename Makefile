# Explainer: the two commands of the README, and a few helpers.
#   make site   installs what is needed, builds explainer (release) and builds the site into Public/
#   make test   installs what is needed and runs every test
SWIFT ?= swift

.PHONY: site test setup build clean

setup:
	./Scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product explainer

site: build
	$$($(SWIFT) build -c release --show-bin-path)/explainer build

test: setup
	$(SWIFT) test

clean:
	rm -rf .build
