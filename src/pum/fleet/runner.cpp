#include "pum/fleet/runner.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>

#include "pum/fleet/progress.hpp"
#include "pum/fleet/report.hpp"
#include "pum/util/error.hpp"

namespace pum::fleet {

namespace {

using Clock = std::chrono::steady_clock;

// What a target may keep of its stdout and stderr: enough for any error message, bounded so
// that memory stays flat however many targets run.
constexpr std::size_t kKeepBytes = std::size_t{64} * 1024;

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_interrupt(int signo) { g_signal = signo; }

// SIGINT and SIGTERM set g_signal while alive (poll then returns EINTR); the previous handlers
// come back at the end.
class InterruptFlag {
 public:
  InterruptFlag() {
    g_signal = 0;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~InterruptFlag() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  InterruptFlag(const InterruptFlag&) = delete;
  InterruptFlag& operator=(const InterruptFlag&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

struct Stream {
  int fd = -1;
  std::string kept;     // the first kKeepBytes
  std::string partial;  // a line not finished yet (forwarding)
  bool truncated = false;
};

struct Job {
  std::size_t index = 0;
  pid_t pid = -1;
  Clock::time_point started;
  Stream out;
  Stream err;
  Stream report;
};

void make_pipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) {
    throw Error(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
  }
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

class Runner {
 public:
  Runner(const std::vector<Target>& targets, const RunnerOptions& options, const ChildBody& body)
      : targets_(targets),
        options_(options),
        body_(body),
        scheduler_(targets.size(), options.policy),
        progress_(options.progress, targets.size()) {
    outcome_.results.resize(targets.size());
  }

  RunnerOutcome run() {
    InterruptFlag flag;
    const auto started = Clock::now();
    bool forwarded = false;
    while (true) {
      if (g_signal != 0 && !forwarded) {
        forwarded = true;
        outcome_.interrupt_signal = g_signal;
        scheduler_.interrupt();
        for (const Job& job : jobs_) kill(job.pid, g_signal);
      }
      try {
        while (auto index = scheduler_.next()) launch(*index);
        if (jobs_.empty()) break;
        wait_for_output();
      } catch (...) {
        // fork or poll failed: the running targets are stopped (their transactions roll back)
        // and reaped before the error is reported, never left behind.
        stop_all();
        throw;
      }
      progress_.draw(done_, failed_, jobs_.size(), Clock::now() - started);
    }
    progress_.clear();
    outcome_.stop = scheduler_.stop_reason();
    outcome_.duration_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    return std::move(outcome_);
  }

 private:
  void launch(std::size_t index) {
    int out[2];
    int err[2];
    int report[2];
    make_pipe(out);
    make_pipe(err);
    make_pipe(report);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid < 0) {
      const int saved = errno;
      for (int* fd : {&out[0], &out[1], &err[0], &err[1], &report[0], &report[1]}) close_fd(*fd);
      throw Error(fmt::format("cannot start a process for target {}: {}", targets_[index].name,
                              std::strerror(saved)));
    }
    if (pid == 0) run_child(index, out[1], err[1], report[1]);
    close(out[1]);
    close(err[1]);
    close(report[1]);
    Job job;
    job.index = index;
    job.pid = pid;
    job.started = Clock::now();
    job.out.fd = out[0];
    job.err.fd = err[0];
    job.report.fd = report[0];
    jobs_.push_back(std::move(job));
  }

  [[noreturn]] void run_child(std::size_t index, int out, int err, int report) {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGPIPE, SIG_DFL);
    for (Job& job : jobs_) {
      close_fd(job.out.fd);
      close_fd(job.err.fd);
      close_fd(job.report.fd);
    }
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    close(out);
    close(err);
    int code = 1;
    try {
      code = body_(index, report);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ERROR: internal error: %s\n", e.what());
    } catch (...) {
      std::fputs("ERROR: internal error\n", stderr);
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    _exit(code);
  }

  void wait_for_output() {
    std::vector<pollfd> fds;
    std::vector<std::pair<Job*, Stream*>> owners;
    for (Job& job : jobs_) {
      for (Stream* s : {&job.out, &job.err, &job.report}) {
        if (s->fd < 0) continue;
        fds.push_back({s->fd, POLLIN, 0});
        owners.emplace_back(&job, s);
      }
    }
    const int timeout_ms = options_.progress ? 200 : 1000;
    const int ready = fds.empty() ? 0 : poll(fds.data(), fds.size(), timeout_ms);
    if (ready < 0 && errno != EINTR) {
      throw Error(fmt::format("poll failed: {}", std::strerror(errno)));
    }
    for (std::size_t i = 0; ready > 0 && i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      read_stream(*owners[i].first, *owners[i].second);
    }
    // A job whose three pipes are closed has exited (or is exiting): reap it.
    for (std::size_t i = 0; i < jobs_.size();) {
      Job& job = jobs_[i];
      if (job.out.fd < 0 && job.err.fd < 0 && job.report.fd < 0) {
        finish(job);
        jobs_.erase(jobs_.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }

  void read_stream(Job& job, Stream& s) {
    char buffer[8192];
    const ssize_t n = read(s.fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {
      if (&s == &job.err && !s.partial.empty()) {
        forward_line(job, s.partial);
        s.partial.clear();
      }
      close_fd(s.fd);
      return;
    }
    const std::string_view data(buffer, static_cast<std::size_t>(n));
    if (s.kept.size() < kKeepBytes) {
      s.kept.append(data.substr(0, kKeepBytes - s.kept.size()));
    } else {
      s.truncated = true;
    }
    if (&s == &job.err && options_.forward == Forward::all) {
      s.partial.append(data);
      std::size_t start = 0;
      for (std::size_t nl; (nl = s.partial.find('\n', start)) != std::string::npos;
           start = nl + 1) {
        forward_line(job, std::string_view(s.partial).substr(start, nl - start));
      }
      s.partial.erase(0, start);
    }
  }

  void stop_all() {
    progress_.clear();
    for (const Job& job : jobs_) kill(job.pid, SIGTERM);
    for (Job& job : jobs_) {
      int status = 0;
      while (waitpid(job.pid, &status, 0) < 0 && errno == EINTR) {
      }
      for (Stream* s : {&job.out, &job.err, &job.report}) close_fd(s->fd);
    }
    jobs_.clear();
  }

  void forward_text(const Job& job, std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      forward_line(job, text.substr(start, nl - start));
      start = nl + 1;
    }
  }

  void forward_line(const Job& job, std::string_view line) {
    progress_.clear();
    std::string text = fmt::format("[{}] {}\n", targets_[job.index].name, line);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }

  void finish(Job& job) {
    int status = 0;
    while (waitpid(job.pid, &status, 0) < 0 && errno == EINTR) {
    }
    TargetResult& r = outcome_.results[job.index];
    r.duration_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - job.started).count();
    r.log = std::move(job.err.kept);
    if (job.err.truncated) r.log += "\n[... more output left out]\n";
    r.output = std::move(job.out.kept);
    if (!job.report.kept.empty()) {
      auto doc = nlohmann::json::parse(job.report.kept, nullptr, false);
      if (doc.is_object()) {
        if (doc.contains("from") && doc["from"].is_string())
          r.from = doc["from"].get<std::string>();
        if (doc.contains("to") && doc["to"].is_string()) r.to = doc["to"].get<std::string>();
        if (doc.contains("pending") && doc["pending"].is_number_integer()) {
          r.pending = doc["pending"].get<std::int64_t>();
        }
        r.differs = doc.value("differs", false);
      }
    }
    if (WIFEXITED(status)) {
      r.exit_code = WEXITSTATUS(status);
      r.status = r.exit_code == 0                ? Status::ok
                 : r.exit_code == 1 && r.differs ? Status::differs
                                                 : Status::failed;
      // A target that caught the signal (its statement cancelled, its transaction rolled back)
      // exits 130 or 143 by itself: interrupted, like one the signal ended.
      if (outcome_.interrupt_signal != 0 && (r.exit_code == 130 || r.exit_code == 143)) {
        r.status = Status::interrupted;
      }
      if (r.status == Status::differs) {
        r.error = "differences found";
      } else if (r.exit_code != 0) {
        r.error = first_error_line(r.log);
        if (r.error.empty()) r.error = fmt::format("exit {}", r.exit_code);
      }
    } else if (WIFSIGNALED(status)) {
      const int signo = WTERMSIG(status);
      const bool interrupt = signo == SIGINT || signo == SIGTERM;
      r.status = interrupt ? Status::interrupted : Status::failed;
      r.error = interrupt ? fmt::format("interrupted ({}): rolled back unless it had committed",
                                        signo == SIGINT ? "SIGINT" : "SIGTERM")
                          : fmt::format("killed by signal {} ({})", signo, strsignal(signo));
    }
    // A target that found differences ran well: it stops nothing and keeps its report.
    const bool ok = r.status == Status::ok || r.status == Status::differs;
    ++done_;
    if (!ok) ++failed_;
    scheduler_.finished(ok);
    if (!ok && options_.forward != Forward::none && r.status == Status::failed) {
      // What the target printed on stdout says what it found (verify's edited files, ...):
      // shown with its log, both prefixed, since the fleet's own stdout is the table or JSON.
      forward_text(job, r.output);
      if (options_.forward == Forward::failed) forward_text(job, r.log);
    }
    if (r.status == Status::ok) {
      // Memory stays flat in the number of targets: a target that went well keeps no output.
      std::string().swap(r.log);
      std::string().swap(r.output);
    }
  }

  const std::vector<Target>& targets_;
  const RunnerOptions& options_;
  const ChildBody& body_;
  Scheduler scheduler_;
  Progress progress_;
  std::vector<Job> jobs_;
  RunnerOutcome outcome_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
};

}  // namespace

std::size_t default_jobs() {
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  const std::size_t n = cores > 0 ? static_cast<std::size_t>(cores) * 2 : 2;
  return std::min<std::size_t>(std::max<std::size_t>(n, 1), 8);
}

RunnerOutcome run_targets(const std::vector<Target>& targets, const RunnerOptions& options,
                          const ChildBody& body) {
  return Runner(targets, options, body).run();
}

}  // namespace pum::fleet
