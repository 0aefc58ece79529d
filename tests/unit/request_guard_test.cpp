// What keeps `reportlint serve` local: the Host and Origin a request may carry.
#include <gtest/gtest.h>

#include "serve/request_guard.hpp"

namespace reportlint::serve {
namespace {

TEST(RequestGuard, AcceptsThisMachineByNameAndPortOnly) {
  const RequestGuard guard("127.0.0.1", 8080);
  EXPECT_TRUE(guard.host_allowed("127.0.0.1:8080"));
  EXPECT_TRUE(guard.host_allowed("localhost:8080"));
  EXPECT_TRUE(guard.host_allowed("LOCALHOST:8080"));
  EXPECT_TRUE(guard.host_allowed("[::1]:8080"));
  EXPECT_FALSE(guard.host_allowed("127.0.0.1:8081"));        // another port
  EXPECT_FALSE(guard.host_allowed("evil.example:8080"));      // DNS rebinding
  EXPECT_FALSE(guard.host_allowed("localhost.evil.example:8080"));
  EXPECT_FALSE(guard.host_allowed("127.0.0.1"));              // no port
  EXPECT_FALSE(guard.host_allowed(""));
}

TEST(RequestGuard, AcceptsNoOriginOrItsOwn) {
  const RequestGuard guard("127.0.0.1", 8080);
  EXPECT_TRUE(guard.origin_allowed(""));  // a navigation, curl
  EXPECT_TRUE(guard.origin_allowed("http://127.0.0.1:8080"));
  EXPECT_TRUE(guard.origin_allowed("http://localhost:8080"));
  EXPECT_FALSE(guard.origin_allowed("https://127.0.0.1:8080"));  // not how the page is served
  EXPECT_FALSE(guard.origin_allowed("http://evil.example"));
  EXPECT_FALSE(guard.origin_allowed("null"));                   // a sandboxed or file: page
}

TEST(RequestGuard, AnotherBoundAddressIsAcceptedToo) {
  const RequestGuard guard("192.168.1.5", 9000);
  EXPECT_TRUE(guard.host_allowed("192.168.1.5:9000"));
  EXPECT_TRUE(guard.host_allowed("localhost:9000"));
  const RequestGuard v6("::1", 9000);
  EXPECT_TRUE(v6.host_allowed("[::1]:9000"));
  const RequestGuard any("0.0.0.0", 9000);
  EXPECT_FALSE(any.host_allowed("0.0.0.0:9000"));  // a wildcard is no name of the machine
}

}  // namespace
}  // namespace reportlint::serve
