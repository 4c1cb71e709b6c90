"""pum 1.8's pum.feedback: progress and cancellation of install, upgrade and uninstall.

The native core reports each step (the lines pum logs at INFO level) to report_progress(); a
cancelled Feedback stops the run at the next step with PumException ("... cancelled by user"),
until lock_cancellation(), which pum calls right before it commits.
"""

import abc
import logging

logger = logging.getLogger(__name__)


class Feedback(abc.ABC):
    """Base class: step counting, cancellation; subclasses say where progress goes."""

    def __init__(self):
        self._cancelled = False
        self._cancellation_locked = False
        self._current_step = 0
        self._total_steps = 0

    def set_total_steps(self, total):
        self._total_steps = total
        self._current_step = 0

    def increment_step(self):
        self._current_step += 1

    def get_progress(self):
        return self._current_step, self._total_steps

    @abc.abstractmethod
    def report_progress(self, message, current=0, total=0):
        """Called with each step's message."""

    def is_cancelled(self):
        return self._cancelled and not self._cancellation_locked

    def cancel(self):
        if not self._cancellation_locked:
            self._cancelled = True

    def reset(self):
        self._cancelled = False
        self._cancellation_locked = False

    def lock_cancellation(self):
        self._cancellation_locked = True


class LogFeedback(Feedback):
    """Progress as INFO lines of the `pum.feedback` logger."""

    def report_progress(self, message, current=0, total=0):
        if current == 0 and total == 0:
            current, total = self.get_progress()
        if total > 0:
            logger.info("[%d/%d] %s", current, total, message)
        else:
            logger.info("%s", message)


class SilentFeedback(Feedback):
    """No progress output; cancellation still works."""

    def report_progress(self, message, current=0, total=0):
        pass
