"""pum 1.8's pum.changelog: its names import; the native pum reads changelogs itself."""

from ._unavailable import unavailable_class

Changelog = unavailable_class("Changelog", "changelog")
