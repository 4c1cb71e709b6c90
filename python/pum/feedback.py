"""pum 1.8's pum.feedback: its names import; pum reports progress in its own log."""

from ._unavailable import unavailable_class

Feedback = unavailable_class("Feedback", "feedback")
LogFeedback = unavailable_class("LogFeedback", "feedback")
SilentFeedback = unavailable_class("SilentFeedback", "feedback")
