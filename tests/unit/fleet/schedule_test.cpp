#include "pum/fleet/schedule.hpp"

#include <gtest/gtest.h>

#include <vector>

using pum::fleet::Policy;
using pum::fleet::Scheduler;
using pum::fleet::StopReason;

namespace {

// Every index next() gives now, in order.
std::vector<std::size_t> start_all(Scheduler& s) {
  std::vector<std::size_t> out;
  while (auto i = s.next()) out.push_back(*i);
  return out;
}

}  // namespace

TEST(FleetSchedule, AtMostJobsAtOnceInListOrder) {
  Scheduler s(5, Policy{2, false, 0});
  EXPECT_EQ(start_all(s), (std::vector<std::size_t>{0, 1}));
  s.finished(true);
  EXPECT_EQ(start_all(s), (std::vector<std::size_t>{2}));
  s.finished(true);
  s.finished(true);
  EXPECT_EQ(start_all(s), (std::vector<std::size_t>{3, 4}));
  EXPECT_FALSE(s.done());
  s.finished(true);
  s.finished(true);
  EXPECT_TRUE(s.done());
  EXPECT_EQ(s.stop_reason(), StopReason::none);
}

TEST(FleetSchedule, AFailureStopsLaunchingButTheRunningFinish) {
  Scheduler s(6, Policy{3, false, 0});
  EXPECT_EQ(start_all(s).size(), 3U);
  s.finished(false);
  EXPECT_EQ(s.stop_reason(), StopReason::failure);
  EXPECT_FALSE(s.next());
  EXPECT_FALSE(s.done()) << "two still run";
  s.finished(true);
  s.finished(true);
  EXPECT_TRUE(s.done());
  EXPECT_EQ(s.started(), 3U);
}

TEST(FleetSchedule, KeepGoingStartsEveryTarget) {
  Scheduler s(4, Policy{1, true, 0});
  std::size_t started = 0;
  while (auto i = s.next()) {
    ++started;
    s.finished(*i % 2 == 0);  // every other one fails
  }
  EXPECT_EQ(started, 4U);
  EXPECT_TRUE(s.done());
  EXPECT_EQ(s.stop_reason(), StopReason::none);
}

TEST(FleetSchedule, CanariesFirstThenTheRest) {
  Scheduler s(6, Policy{4, false, 2});
  EXPECT_EQ(start_all(s), (std::vector<std::size_t>{0, 1})) << "only the canaries";
  s.finished(true);
  EXPECT_FALSE(s.next()) << "waits for the second canary";
  s.finished(true);
  EXPECT_EQ(start_all(s), (std::vector<std::size_t>{2, 3, 4, 5}));
}

TEST(FleetSchedule, AFailingCanaryStopsEvenWithKeepGoing) {
  Scheduler s(6, Policy{4, true, 2});
  EXPECT_EQ(start_all(s).size(), 2U);
  s.finished(false);
  s.finished(true);
  EXPECT_EQ(s.stop_reason(), StopReason::canary);
  EXPECT_FALSE(s.next());
  EXPECT_TRUE(s.done());
}

TEST(FleetSchedule, MoreCanariesThanTargets) {
  Scheduler s(2, Policy{8, false, 5});
  EXPECT_EQ(start_all(s).size(), 2U);
  s.finished(true);
  s.finished(true);
  EXPECT_TRUE(s.done());
}

TEST(FleetSchedule, InterruptStopsLaunching) {
  Scheduler s(4, Policy{2, true, 0});
  EXPECT_EQ(start_all(s).size(), 2U);
  s.interrupt();
  s.finished(true);
  EXPECT_FALSE(s.next());
  s.finished(false);
  EXPECT_TRUE(s.done());
  EXPECT_EQ(s.stop_reason(), StopReason::interrupted);
}

TEST(FleetSchedule, NoStopReasonWhenNothingWasLeftToStart) {
  Scheduler s(2, Policy{2, false, 0});
  EXPECT_EQ(start_all(s).size(), 2U);
  s.finished(true);
  s.finished(false);  // the last one fails: no target was kept from starting
  EXPECT_EQ(s.stop_reason(), StopReason::none);
  EXPECT_TRUE(s.done());
  Scheduler c(3, Policy{8, false, 5});  // more canaries than targets
  EXPECT_EQ(start_all(c).size(), 3U);
  c.finished(false);
  EXPECT_EQ(c.stop_reason(), StopReason::none);
}
