// CloudFront Function (viewer request) of the S3 + CloudFront hosting: the bucket holds
// `lessons/a/index.html`, learners ask for `/lessons/a/`. Plain ES5 with `var`, as both CloudFront
// Functions runtimes accept; CloudFormation embeds this file verbatim (src/hosting/site-stack.ts),
// and tests/unit/hosting/cloudfront-function.test.ts runs it as it is.

function handler(event) {
	var request = event.request;
	var uri = request.uri;

	// A folder URL (the site's links all end in a slash): serve the folder's page.
	if (uri.charAt(uri.length - 1) === '/') {
		request.uri = uri + 'index.html';
		return request;
	}

	// No dot in the last segment: a folder asked for without its slash. Redirect to the address
	// with the slash, so the page's relative links resolve from the right folder. A folder whose
	// name holds a dot is taken for a file; the site's folders are slugs, which have none.
	var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
	if (lastSegment.indexOf('.') === -1) {
		return {
			statusCode: 301,
			statusDescription: 'Moved Permanently',
			headers: { location: { value: uri + '/' + queryString(request.querystring) } },
		};
	}

	return request;
}

// The query string as the viewer sent it, every value of a repeated name kept.
function queryString(querystring) {
	var parts = [];
	for (var name in querystring) {
		var field = querystring[name];
		var values = field.multiValue ? field.multiValue : [field];
		for (var i = 0; i < values.length; i++) {
			parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
		}
	}
	return parts.length > 0 ? '?' + parts.join('&') : '';
}
