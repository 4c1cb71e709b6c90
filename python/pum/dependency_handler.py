"""pum 1.8's pum.dependency_handler: its names import; pum checks dependencies itself."""

from ._unavailable import unavailable_class

DependencyHandler = unavailable_class("DependencyHandler", "dependency_handler")
