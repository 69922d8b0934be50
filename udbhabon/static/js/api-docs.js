// The API's documentation page: Swagger UI (vendored) over the OpenAPI document.
(function () {
  var node = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: node.getAttribute("data-openapi-url"),
    domNode: node,
    deepLinking: true,
  });
})();
