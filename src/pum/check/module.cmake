# pum_check reads the two databases on two threads.
find_package(Threads REQUIRED)
target_link_libraries(pum_check PUBLIC Threads::Threads)
